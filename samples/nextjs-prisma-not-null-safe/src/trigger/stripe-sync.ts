import { task } from '@trigger.dev/sdk/v3';
import { prisma } from '@/lib/prisma';

// A trigger.dev task: customers who pay through Stripe Checkout get a customer row; Checkout collects the phone.
export const syncCheckoutCustomer = task({
  id: 'sync-checkout-customer',
  run: async (payload: { email: string; phone: string }) => {
    // expect: write customers.email @worker, write customers.phone @worker, write customers.source @worker, write customers.created_at @worker, read customers.id @worker, read customers.email @worker, read customers.name @worker, read customers.phone @worker, read customers.source @worker, read customers.created_at @worker
    return prisma.customer.upsert({
      where: { email: payload.email },
      create: { email: payload.email, phone: payload.phone, source: 'stripe' },
      update: { phone: payload.phone },
    });
  },
});

import { task } from '@trigger.dev/sdk/v3';
import { prisma } from '@/lib/prisma';

// A trigger.dev task: customers who pay through Stripe Checkout get a customer row.
export const syncCheckoutCustomer = task({
  id: 'sync-checkout-customer',
  run: async (payload: { email: string }) => {
    // expect: write customers.email @worker, write customers.source @worker, write customers.created_at @worker, read customers.id @worker, read customers.email @worker, read customers.name @worker, read customers.phone @worker, read customers.source @worker, read customers.created_at @worker, related not-null-vs-writers
    return prisma.customer.upsert({
      where: { email: payload.email },
      create: { email: payload.email, source: 'stripe' },
      update: {},
    });
  },
});

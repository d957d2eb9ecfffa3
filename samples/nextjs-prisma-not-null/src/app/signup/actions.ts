'use server';

import { prisma } from '@/lib/prisma';

// The sign-up form already asks for a phone number.
export async function signUp(form: FormData) {
  // expect: write customers.email @http, write customers.name @http, write customers.phone @http, write customers.created_at @http, read customers.id @http, read customers.email @http, read customers.name @http, read customers.phone @http, read customers.source @http, read customers.created_at @http
  return prisma.customer.create({
    data: { email: String(form.get('email')), name: String(form.get('name')), phone: String(form.get('phone')) },
  });
}

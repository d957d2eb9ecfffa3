'use server';

import { db } from '@/db/client';
import { subscriptions, users } from '@/db/schema';

// Sign-up already writes the plan to subscriptions only; users.plan keeps its default.
export async function signUp(email: string, displayName: string) {
  // expect: write users.email @http, write users.display_name @http, read users.id @http
  const [user] = await db.insert(users).values({ email, displayName }).returning({ id: users.id });
  // expect: write subscriptions.user_id @http, write subscriptions.plan @http
  await db.insert(subscriptions).values({ userId: user.id, plan: 'free' });
  return user.id;
}

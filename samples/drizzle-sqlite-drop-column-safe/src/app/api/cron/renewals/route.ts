import { eq, lte } from 'drizzle-orm';
import { db } from '@/db/client';
import { subscriptions, users } from '@/db/schema';

// Nightly (vercel.json): who renews today, with the plan from subscriptions.
export async function GET() {
  // expect: read users.email @cron, read subscriptions.plan @cron, read subscriptions.renews_at @cron, read subscriptions.user_id @cron, read users.id @cron
  const due = await db
    .select({ email: users.email, plan: subscriptions.plan, renewsAt: subscriptions.renewsAt })
    .from(subscriptions)
    .innerJoin(users, eq(subscriptions.userId, users.id))
    .where(lte(subscriptions.renewsAt, new Date()));
  return Response.json({ due: due.length });
}

import { eq, lte } from 'drizzle-orm';
import { db } from '@/db/client';
import { subscriptions, users } from '@/db/schema';

// Nightly (vercel.json): who renews today. Still takes the plan from the users row.
export async function GET() {
  // expect: read users.email @cron, read users.plan @cron, read subscriptions.renews_at @cron, read subscriptions.user_id @cron, read users.id @cron, related drop-column-still-read
  const due = await db
    .select({ email: users.email, plan: users.plan, renewsAt: subscriptions.renewsAt })
    .from(subscriptions)
    .innerJoin(users, eq(subscriptions.userId, users.id))
    .where(lte(subscriptions.renewsAt, new Date()));
  return Response.json({ due: due.length });
}

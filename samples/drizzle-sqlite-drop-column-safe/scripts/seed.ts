import { db } from '../src/db/client';
import { subscriptions, users } from '../src/db/schema';

// `npm run db:seed`: demo accounts for local development and preview deployments.
async function seed() {
  // expect: write users.email @script, write users.display_name @script, read users.id @script
  const rows = await db
    .insert(users)
    .values([
      { email: 'ada@example.com', displayName: 'Ada' },
      { email: 'alan@example.com', displayName: 'Alan' },
    ])
    .returning({ id: users.id });
  for (const row of rows) {
    // expect: write subscriptions.user_id @script, write subscriptions.plan @script
    await db.insert(subscriptions).values({ userId: row.id, plan: 'pro' });
  }
}

seed().then(() => process.exit(0));

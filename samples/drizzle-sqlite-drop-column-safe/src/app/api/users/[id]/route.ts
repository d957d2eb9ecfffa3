import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { users } from '@/db/schema';

// The profile API names the columns it returns: users.plan is not among them.
export async function GET(_request: Request, { params }: { params: { id: string } }) {
  // expect: read users.id @http, read users.email @http, read users.display_name @http
  const [user] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, Number(params.id)));
  return user ? NextResponse.json(user) : NextResponse.json({ error: 'not found' }, { status: 404 });
}

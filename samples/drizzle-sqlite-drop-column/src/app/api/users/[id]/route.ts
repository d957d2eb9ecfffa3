import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { users } from '@/db/schema';

// The profile API returns the whole row: it reads users.plan without naming it.
export async function GET(_request: Request, { params }: { params: { id: string } }) {
  // expect: read users.id @http, read users.email @http, read users.display_name @http, read users.plan @http, read users.created_at @http, related drop-column-still-read
  const [user] = await db.select().from(users).where(eq(users.id, Number(params.id)));
  return user ? NextResponse.json(user) : NextResponse.json({ error: 'not found' }, { status: 404 });
}

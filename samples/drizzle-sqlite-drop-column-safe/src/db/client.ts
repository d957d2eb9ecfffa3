import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';

export const db = drizzle(
  createClient({ url: process.env.TURSO_DATABASE_URL!, authToken: process.env.TURSO_AUTH_TOKEN }),
);

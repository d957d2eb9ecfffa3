import { createClient } from '@supabase/supabase-js';

// Service-role client: server code only.
export const admin = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

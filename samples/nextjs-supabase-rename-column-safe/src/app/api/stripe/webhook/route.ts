import Stripe from 'stripe';
import { admin } from '@/lib/supabase/admin';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

// Stripe calls this after checkout: the customer becomes pro, and gets a welcome email by handle.
export async function POST(request: Request) {
  const event = stripe.webhooks.constructEvent(
    await request.text(),
    request.headers.get('stripe-signature')!,
    process.env.STRIPE_WEBHOOK_SECRET!,
  );
  if (event.type !== 'checkout.session.completed') {
    return new Response(null, { status: 204 });
  }
  const session = event.data.object as Stripe.Checkout.Session;
  // expect: write profiles.is_pro @webhook, read profiles.stripe_customer_id @webhook, read profiles.username @webhook
  const { data } = await admin
    .from('profiles')
    .update({ is_pro: true })
    .eq('stripe_customer_id', session.customer as string)
    .select('username');
  return Response.json({ welcomed: data?.map((p) => p.username) ?? [] });
}

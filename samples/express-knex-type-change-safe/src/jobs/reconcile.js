const { Worker } = require('bullmq');
const db = require('../db');

// Matches the partner's settlement file against our orders by reference.
async function reconcile(job) {
  // expect: read orders.external_ref @worker, read orders.status @worker
  const refs = await db('orders').where('status', 'paid').pluck('external_ref');
  return refs.filter((r) => !job.data.settled.includes(r)).length;
}

new Worker('reconcile', reconcile, { connection: { host: 'localhost' } });

module.exports = { reconcile };

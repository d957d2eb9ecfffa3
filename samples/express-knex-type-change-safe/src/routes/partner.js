const express = require('express');
const db = require('../db');

const router = express.Router();

// The partner posts new orders; older partners send references that are not UUIDs.
router.post('/webhooks/partner', async (req, res) => {
  // expect: write orders.external_ref @webhook, write orders.total_cents @webhook, read orders.id @webhook
  const [row] = await db('orders')
    .insert({ external_ref: req.body.reference, total_cents: req.body.amount })
    .returning('id');
  res.status(201).json(row);
});

module.exports = router;

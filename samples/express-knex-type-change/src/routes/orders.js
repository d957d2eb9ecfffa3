const express = require('express');
const db = require('../db');

const router = express.Router();

// The order page returns the whole row, external_ref included (as a string today).
router.get('/orders/:id', async (req, res) => {
  // expect: read orders.id @http, read orders.external_ref @http, read orders.total_cents @http, read orders.status @http, read orders.created_at @http, read orders.updated_at @http, related type-change-vs-accesses
  const order = await db('orders').where({ id: req.params.id }).first();
  res.json(order);
});

module.exports = router;

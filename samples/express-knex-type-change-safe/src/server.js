const express = require('express');
const orders = require('./routes/orders');
const partner = require('./routes/partner');

const app = express();
app.use(express.json());
app.use(orders);
app.use(partner);
app.listen(3000);

// Partners' references are UUIDs: store them as uuid, in place.
exports.up = async function (knex) {
  await knex.raw("SET lock_timeout = '5s'");
  await knex.raw("SET statement_timeout = '15min'");
  await knex.schema.alterTable('orders', (t) => {
    // expect: finding type-change-vs-accesses ~ "3 code sites reading or writing it as text", finding change-column-type-rewrites-table ~ "rewrites orders"
    t.uuid('external_ref').alter();
  });
};

exports.down = async function () {};

// Expand: a uuid column next to external_ref; writers fill both, a backfill converts the old rows.
exports.up = async function (knex) {
  await knex.raw("SET lock_timeout = '5s'");
  await knex.schema.alterTable('orders', (t) => {
    // expect: none
    t.uuid('external_uuid');
  });
};

exports.down = async function () {};

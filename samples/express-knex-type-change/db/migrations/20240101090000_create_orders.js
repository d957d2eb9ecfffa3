exports.up = async function (knex) {
  // expect: ddl orders.id @migration, ddl orders.external_ref @migration, ddl orders.total_cents @migration, ddl orders.status @migration, ddl orders.created_at @migration, ddl orders.updated_at @migration
  await knex.schema.createTable('orders', (t) => {
    t.bigIncrements('id');
    t.text('external_ref');
    t.integer('total_cents').notNullable();
    t.string('status', 20).notNullable().defaultTo('new');
    t.timestamps();
  });
};

exports.down = (knex) => knex.schema.dropTable('orders');

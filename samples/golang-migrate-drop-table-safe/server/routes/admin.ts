import { Router } from "express";
import { pool } from "../db";

export const admin = Router();

// The support dashboard's "active logins" tile counts the new table.
admin.get("/admin/stats/logins", async (_req, res) => {
  // expect: read sessions.* @admin, read sessions.expires_at @admin, read sessions.revoked_at @admin
  const { rows } = await pool.query(
    "SELECT count(*) AS active FROM sessions WHERE expires_at > now() AND revoked_at IS NULL",
  );
  res.json(rows[0]);
});

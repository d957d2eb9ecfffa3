import { Router } from "express";
import { pool } from "../db";

export const admin = Router();

// The support dashboard's "active logins" tile was never moved to the new table.
admin.get("/admin/stats/logins", async (_req, res) => {
  // expect: read legacy_sessions.* @admin, read legacy_sessions.expires_at @admin, related drop-table-still-referenced
  const { rows } = await pool.query("SELECT count(*) AS active FROM legacy_sessions WHERE expires_at > now()");
  res.json(rows[0]);
});

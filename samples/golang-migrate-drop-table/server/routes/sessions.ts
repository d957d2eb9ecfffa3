import { Router } from "express";
import { pool } from "../db";

export const sessions = Router();

sessions.get("/me/sessions", async (req, res) => {
  // expect: read sessions.device @http, read sessions.expires_at @http, read sessions.user_id @http, read sessions.revoked_at @http
  const { rows } = await pool.query(
    "SELECT device, expires_at FROM sessions WHERE user_id = $1 AND revoked_at IS NULL",
    [req.params.userId],
  );
  res.json(rows);
});

sessions.delete("/me/sessions", async (req, res) => {
  // expect: write sessions.revoked_at @http, read sessions.user_id @http
  await pool.query("UPDATE sessions SET revoked_at = now() WHERE user_id = $1", [req.params.userId]);
  res.sendStatus(204);
});

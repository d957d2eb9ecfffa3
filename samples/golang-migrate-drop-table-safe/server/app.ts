import express from "express";
import { admin } from "./routes/admin";
import { sessions } from "./routes/sessions";

const app = express();
app.use(sessions);
app.use(admin);
app.listen(3000);

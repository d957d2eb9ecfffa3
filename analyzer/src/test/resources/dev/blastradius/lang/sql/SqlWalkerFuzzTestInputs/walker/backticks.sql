SELECT `a;b`, `tick``s` FROM `users`; SELECT "x;y" FROM "Users";
INSERT INTO t VALUES ("mysql \" string; here");

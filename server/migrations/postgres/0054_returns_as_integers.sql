-- A purchase's returned lines summed as BIGINT. In 0053 the view summed BIGINT columns,
-- which PostgreSQL answers as NUMERIC, a type sqlx's Any driver cannot read (every sale's
-- lines failed to load). PostgreSQL only: SQLite's sums are integers already, and its
-- folder has no 0054 (a number is used once across both folders).
DROP VIEW purchase_line_returns;
CREATE VIEW purchase_line_returns AS
SELECT r.purchase_id, rl.line, CAST(sum(rl.quantity) AS BIGINT) AS quantity,
       CAST(sum(rl.amount_minor) AS BIGINT) AS amount_minor
FROM purchase_return_lines rl JOIN purchase_returns r ON r.id = rl.return_id
GROUP BY r.purchase_id, rl.line;

-- web_bench_tasks.sql: the benchmark's tasks (count $n, substituted by web_bench.sh), each led by the office.
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
INSERT INTO task(body_id, content, assigned_on, deadline_kind, deadline_text, due, completed_on)
SELECT 1, 'Nhiệm vụ số ' || i || ' theo kết luận của Ban Thường vụ', date('2021-01-01', '+' || (i % 900) || ' days'),
       'date', 'trước ngày ...', date('2021-03-01', '+' || (i % 900) || ' days'),
       CASE WHEN i % 3 = 0 THEN date('2021-02-01', '+' || (i % 900) || ' days') END FROM s;
INSERT INTO task_unit(task_id, unit_id, role) SELECT id, 1, 'lead' FROM task;

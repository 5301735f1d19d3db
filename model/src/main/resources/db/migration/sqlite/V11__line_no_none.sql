-- 行次 are counted from 1: a 0 stored before the importer refused it stands for a row printed without 行次, which is
-- stored as NULL.
UPDATE published_row SET line_no = NULL WHERE line_no = 0;

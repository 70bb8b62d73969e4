-- Etlify 0.2.0: half of each page of sync rows left free. A sync rewrites its record's row; when the new
-- version fits on the row's page and no indexed column changes, PostgreSQL writes it there (a heap-only
-- update: no index entry). V5's 10 % held the new versions of about one row in seven: a batch sync
-- rewriting many consecutive rows moved the others to other pages, writing every index and scattering the
-- rows the stale finder reads window by window. With half of the page free, all of them fit. The table
-- takes about as much room as it reaches under 10 % after its rows have all been rewritten once.
-- Applies to pages written from now on; VACUUM FULL crm_synchronisations applies it to existing rows.
ALTER TABLE crm_synchronisations SET (fillfactor = 50);

-- A withdrawn request was never decided (issue 13): the portal stamped a
-- withdrawal's time as `decided_at`, so a withdrawn request that was later
-- closed counted as decided, and "in time", on the DPO's page. Withdrawals
-- no longer set it; clear it where a request's history shows a withdrawal.
UPDATE data_requests r
   SET decided_at = NULL
 WHERE decided_at IS NOT NULL
   AND EXISTS (SELECT 1 FROM data_request_events e
                WHERE e.request_id = r.id AND e.action = 'withdrawn');

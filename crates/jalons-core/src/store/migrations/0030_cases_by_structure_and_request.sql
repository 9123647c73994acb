-- Jalons schema v30: a period report reads its cases' requests from two indexes rather than
-- from the cases' rows. Whether a case is its structure's first request (« premier
-- accompagnement ») is read from the structure's requests, and the requests received in the
-- period from their dates. At a large DLA's scale, reading the rows for each case of a year,
-- then every row for the period's requests, pushed each other out of the page cache: the
-- year's 5,000 cases took 185 ms, 56 with these.
CREATE INDEX cases_by_structure_and_request ON cases (structure_id, request_date, reference);
CREATE INDEX cases_by_request ON cases (request_date, id);

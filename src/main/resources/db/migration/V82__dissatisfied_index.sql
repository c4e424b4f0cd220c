-- The agenda's "dissatisfied" section (reviews.Agendas) asks for cases rated 不满意 in the period or under review.
-- With no index on the rating's time the question read every case of the area (1.7 s over 1,000,000 cases, the
-- largest section in the reviews benchmark); with this one and cases_under_review_idx it can be a BitmapOr of two
-- small index scans. (Added after the measured run: its effect is not yet measured, see BENCHMARKS.md.)
create index cases_dissatisfied_idx on cases (evaluated_at) where rating = 'DISSATISFIED';

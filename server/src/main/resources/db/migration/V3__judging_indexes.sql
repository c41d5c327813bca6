-- Current marks are read per sheet, judge and aspect on every submission.
create index score_event_sheet_marks on score_event (event_id, registration_id, aspect_id, judge_id, seq desc)
    where kind in ('MARK', 'CORRECTION', 'REMARK_REQUESTED');

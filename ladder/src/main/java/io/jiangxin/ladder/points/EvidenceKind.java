package io.jiangxin.ladder.points;

/** The kinds of evidence a ledger entry can rest on. */
public enum EvidenceKind {
    CONTEST_RESULT, TRAINING_HOURS, TRAINING_ASSESSMENT, MENTORING, INNOVATION, TECH_SERVICE, HONOUR, CERTIFICATE
}

package io.jiangxin.export;

import io.jiangxin.judging.RecordKind;
import io.jiangxin.results.PublicationStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The zh-CN words (with English beside) a printed sheet uses for states, record kinds and times. */
final class Labels {

    /** Contests run in China; printed times are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Labels() {
    }

    /** A result line's status (PROVISIONAL, LOCKED, FINAL, DISQUALIFIED) or a sheet's (OK, ZEROED). */
    static String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "PROVISIONAL" -> "暂定 provisional";
            case "LOCKED" -> "已锁定 locked";
            case "FINAL" -> "最终 final";
            case "DISQUALIFIED" -> "取消资格 disqualified";
            case "OK" -> "有效 valid";
            case "ZEROED" -> "记零分 zeroed";
            default -> status;
        };
    }

    /** Where an aspect's value came from (the engine's AspectStatus). */
    static String aspectStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "SCORED" -> "已评定 scored";
            case "INCOMPLETE" -> "未评完 incomplete";
            case "OVERRIDDEN" -> "裁判长裁定 overridden";
            default -> status;
        };
    }

    static String kind(RecordKind kind) {
        return switch (kind) {
            case MARK -> "评分 mark";
            case CORRECTION -> "更正 correction";
            case REMARK_REQUESTED -> "要求重评 re-mark";
            case OVERRIDE -> "裁判长裁定 override";
            case VIOLATION -> "违规 violation";
            case TIME -> "用时 time";
            case LOCK -> "锁定 lock";
            case UNLOCK -> "解锁 unlock";
            case SIGN_OFF -> "签字确认 sign-off";
            case APPEAL_FILED -> "提出申诉 appeal filed";
            case APPEAL_DECIDED -> "申诉裁决 appeal decided";
            case REOPEN -> "重新开放 reopen";
            case BOARD_POLICY -> "榜单设置 board policy";
            case FREEZE -> "封榜 freeze";
            case REVEAL_STEP -> "揭榜 reveal";
            case UNFREEZE -> "解除封榜 unfreeze";
        };
    }

    /** An aspect flag: DISAGREEMENT, PANEL_EXCEEDS_SUM_QUORUM, TOLERANCE_FALLBACK. */
    static String flag(String flag) {
        return switch (flag) {
            case "DISAGREEMENT" -> "评分分歧 disagreement";
            case "PANEL_EXCEEDS_SUM_QUORUM" -> "评分人数超出 panel exceeds quorum";
            case "TOLERANCE_FALLBACK" -> "超出容差取平均 tolerance fallback";
            default -> flag;
        };
    }

    static String role(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "ORGANIZER" -> "组委会 organizer";
            case "JUDGE" -> "裁判 judge";
            case "HEAD_JUDGE" -> "裁判长 head judge";
            case "ARBITER" -> "监督仲裁 arbiter";
            default -> role;
        };
    }

    /** The state line of a results sheet: signed off (with when) or provisional. */
    static String state(Instant signedOffAt) {
        return signedOffAt == null ? "暂定成绩（裁判长尚未签字确认）/ provisional: not yet signed off by the head judge"
                : "裁判长已签字确认 " + minutes(signedOffAt) + " / signed off by the head judge";
    }

    /**
     * The state line of a results sheet: the sign-off, then where the results stand with the public (公示中 until
     * appeals close, 最终成绩, 复核中 after an upheld appeal, 未公布), in the public results page's words.
     */
    static String state(Instant signedOffAt, PublicationStatus publication, Instant now) {
        return state(signedOffAt) + " · " + publication(publication, now);
    }

    static String publication(PublicationStatus publication, Instant now) {
        return switch (publication.state()) {
            case NOTICE -> publication.awaitingRuling(now) ? "公示期满，申诉待裁决 / notice ended, an appeal awaits its ruling"
                    : "公示中（至 " + minutes(publication.appealsCloseAt()) + "）/ public notice until "
                    + minutes(publication.appealsCloseAt()) + " Beijing time";
            case FINAL -> "最终成绩（" + minutes(publication.finalAt()) + " 起）/ final results since "
                    + minutes(publication.finalAt());
            case UNPUBLISHED -> publication.underReview()
                    ? "复核中（申诉成立，待重新公示）/ under review after an upheld appeal, to be published again"
                    : "未公布 / not published";
        };
    }

    static String minutes(Instant at) {
        return MINUTES.format(at.atZone(ZONE));
    }

    static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, ZONE);
    }
}

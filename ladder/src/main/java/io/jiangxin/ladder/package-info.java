/**
 * Jiangxin craftsman ladder (种子工匠 → 工匠 → 首席工匠): the pure domain of tiers, points, promotion rules,
 * quotas and the review workflow. No Vert.x, SQL or Hazelcast; only {@code io.jiangxin.ladder.io} uses Jackson.
 *
 * <p>Entry points the server calls:
 * <ul>
 *   <li>{@link io.jiangxin.ladder.io.LadderConfigReader#read} – ladders, schemes, tables, rules and workflow
 *       settings from JSON/YAML, with path-named errors;</li>
 *   <li>{@link io.jiangxin.ladder.posting.ResultPoster#post} – ledger entries (and reversals) for a signed-off
 *       or appeal-changed contest result; {@link io.jiangxin.ladder.posting.EvidencePoster#post} and
 *       {@link io.jiangxin.ladder.posting.MentoringPoster#post} for other evidence;</li>
 *   <li>{@link io.jiangxin.ladder.points.PointsCalculator#standing} – a person's points as of a date, explained;</li>
 *   <li>{@link io.jiangxin.ladder.proposal.PromotionPlanner#propose} – explained, deterministic candidates for a
 *       tier in a year, with quota slots and waitlist;</li>
 *   <li>{@link io.jiangxin.ladder.workflow.NominationWorkflow} – 推荐 → 初审 → 专家评议 → (实地考察) → 公示 → 命名,
 *       with objections and the quota check at naming;</li>
 *   <li>{@link io.jiangxin.ladder.tier.TierHistory#promote} – record the named tier.</li>
 * </ul>
 * Points use {@link io.jiangxin.ladder.Points#SCALE} decimals, rounded {@link io.jiangxin.ladder.Points#ROUNDING};
 * every user-facing reason is a {@link io.jiangxin.ladder.BilingualText} (zh + en).
 */
package io.jiangxin.ladder;

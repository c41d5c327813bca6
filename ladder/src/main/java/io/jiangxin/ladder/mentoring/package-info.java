/** Mentor–apprentice pairs (师带徒) with goals and progress events, which feed mentoring points and rules. */
package io.jiangxin.ladder.mentoring;

/** Deterministic, explained promotion proposals with quota slots and a waitlist. */
package io.jiangxin.ladder.proposal;

/** Combining round results with weights (e.g. preliminary 30% + final 70%). */
package io.jiangxin.engine.rounds;

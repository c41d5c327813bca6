/** Awards (medal bands, 优胜奖, pass) and advancement (晋级: top N plus ties at the cutoff) on a ranking. */
package io.jiangxin.engine.awards;

/** JSON/YAML configuration reading with explicit mapping and path-named validation errors. */
package io.jiangxin.ladder.io;

/**
 * Files: marking schemes and raw-marks files in JSON or YAML (chosen by extension), the offline
 * {@link io.jiangxin.engine.io.Evaluation}, and its JSON report. The only package that uses Jackson; it
 * maps explicitly between JSON trees and the plain domain types so that every input error has a path.
 */
package io.jiangxin.engine.io;

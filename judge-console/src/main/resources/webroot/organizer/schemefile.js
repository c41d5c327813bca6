// A marking scheme file picked on disk (.json, .yaml or .yml, the engine's SchemeFiles formats) turned into the body
// of PUT /api/events/{id}/scheme. JSON is parsed here; YAML travels as text (schemeYaml) and the server reads it, so
// the console needs no YAML parser. The server checks either against the scheme's rules and names every path.
import { api } from './api.js';
import { t } from './i18n.js';

export const ACCEPT = '.json,.yaml,.yml,application/json,application/yaml,text/yaml';

/** Reads the file: {body, id, nameZh, eventName}; a file that is not a scheme file is an Error with the reason. */
export async function readSchemeFile(file) {
  const lower = file.name.toLowerCase();
  const text = await file.text();
  if (lower.endsWith('.json')) {
    let scheme;
    try {
      scheme = JSON.parse(text);
    } catch (e) {
      throw new Error(t('{f} 不是有效的 JSON：{m}', '{f} is not valid JSON: {m}', { f: file.name, m: e.message }));
    }
    if (!scheme || typeof scheme !== 'object' || Array.isArray(scheme)) {
      throw new Error(t('{f} 不是评分标准对象', '{f} is not a marking scheme object', { f: file.name }));
    }
    return described({ scheme }, scheme.id, scheme.nameZh);
  }
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    return described({ schemeYaml: text }, topLevel(text, 'id'), topLevel(text, 'nameZh'));
  }
  throw new Error(t('{f}：评分标准文件须为 .json、.yaml 或 .yml', '{f}: a scheme file ends in .json, .yaml or .yml', { f: file.name }));
}

function described(body, id, nameZh) {
  return { body, id: id || '', nameZh: nameZh || '', eventName: eventName(nameZh || '') };
}

/** A top-level scalar of a YAML document, only to suggest names; the server does the real reading. */
function topLevel(text, key) {
  const m = text.match(new RegExp('^' + key + ':[ \\t]*(.+?)[ \\t]*$', 'm'));
  return m ? m[1].replace(/^(["'])(.*)\1$/, '$2') : '';
}

/** "2026年市职工职业技能大赛焊工赛项" suggests the event "焊工"; anything else suggests the scheme's name. */
function eventName(nameZh) {
  const m = nameZh.match(/(?:大赛|竞赛|比赛|比武)(.+?)赛项$/);
  return m ? m[1] : nameZh;
}

/** Attaches a read scheme file to an event. */
export function attachScheme(eventId, read, appealWindowMinutes) {
  const body = Object.assign({}, read.body);
  if (appealWindowMinutes !== undefined && appealWindowMinutes !== null && appealWindowMinutes !== '') {
    body.appealWindowMinutes = Number(appealWindowMinutes);
  }
  return api('PUT', '/api/events/' + eventId + '/scheme', body);
}

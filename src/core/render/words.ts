import { msg } from '../model/message.js';
/** The renderers' own words, in English and Ukrainian. */
export { type Message, say } from '../model/message.js';

export const W = {
  otherwise: msg('render-otherwise'),
  legend: msg('render-legend'),
  interrupt: msg('training-interrupt'),
  tailCall: msg('render-tail-call'),
  backTo: msg('render-back-to'),
  seeAbove: msg('render-see-above'),
  unreachable: msg('render-unreachable'),
  category: {
    emergency: msg('render-category-emergency'),
    escalated: msg('render-category-escalated'),
    referred: msg('render-category-referred'),
    informed: msg('render-category-informed'),
    'no-action': msg('render-category-no-action'),
    dropped: msg('render-category-dropped'),
  },
} as const;

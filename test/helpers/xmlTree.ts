// The product's own strict XML reader (saxes), used by the tests to check the EAF it writes.
export { childrenNamed, parseXml, type XmlElement } from '../../src-main/annotationFiles/xmlTree.js';

import { everything, itself, NO_TARGET, regional } from './arn.js';
import type { Pattern } from './pattern.js';

/** A collection id is one flat string (letters, digits, `._-`). */
const collection = regional('rekognition', 'collection', 'collection/', 'face collection id', {
  pattern: /^[A-Za-z0-9_.*?-]{1,255}$/,
  message: 'collection ids use letters, digits and `._-`',
}, 'flat');

export const rekognitionPatterns: readonly Pattern[] = [
  {
    id: 'rekognition.delete.faces',
    service: 'rekognition',
    verb: 'delete',
    resourceType: 'faces',
    doc: 'delete faces from a face collection',
    target: collection,
    parts: [{ actions: ['rekognition:DeleteFaces'], on: itself }],
  },
  {
    id: 'rekognition.detect.images',
    service: 'rekognition',
    verb: 'detect',
    resourceType: 'images',
    doc: 'analyse images sent with the request: faces, labels, unsafe content, text, face comparison',
    target: NO_TARGET,
    parts: [
      {
        actions: ['rekognition:CompareFaces', 'rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectText'],
        on: everything,
        why: 'these calls analyse the image in the request and store nothing; Rekognition accepts them only on `*`',
      },
      {
        actions: ['rekognition:DetectModerationLabels'],
        on: everything,
        why: 'its only resource type (a custom moderation adapter version) is optional: the stock model is used on `*`, which also covers the account\'s custom adapters',
      },
    ],
    note: 'images read from S3 also need `read s3 objects` on them',
  },
  {
    id: 'rekognition.read.collection',
    service: 'rekognition',
    verb: 'read',
    resourceType: 'collection',
    doc: 'describe a face collection, list its faces and search it',
    target: collection,
    parts: [
      { actions: ['rekognition:DescribeCollection', 'rekognition:ListFaces', 'rekognition:SearchFaces', 'rekognition:SearchFacesByImage'], on: itself },
    ],
    note: 'listing every collection (ListCollections, `*` only) is left out',
  },
  {
    id: 'rekognition.write.collection',
    service: 'rekognition',
    verb: 'write',
    resourceType: 'collection',
    doc: 'add faces to a face collection',
    target: collection,
    parts: [{ actions: ['rekognition:IndexFaces'], on: itself }],
    note: 'creating the collection (CreateCollection, `*` only) is left out; deleting faces is `delete rekognition faces`',
  },
];

/** @module Absolute links in API answers: the portal page of a resource and the OParl download of a file. */
import { oparlUrls } from "../oparl/urls.js";

export interface ApiLinks {
  page(path: string): string;
  fileDownload(fileId: number): string;
}

export function apiLinks(publicBaseUrl: string): ApiLinks {
  const base = publicBaseUrl.replace(/\/$/, "");
  const oparl = oparlUrls(base);
  return { page: (path) => `${base}${path}`, fileDownload: (id) => oparl.fileDownload(id) };
}

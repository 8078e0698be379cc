import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors, ApiFileResponse, invalidField } from '@app/core';
import { qrCodePng, qrCodeSvg, qrScaleFor } from '@app/notifications';
import { CHECK_IN_CODE_PATTERN, normalizeCheckInCode } from './check-in.dto';

/**
 * QR images of a check-in code. The code is the secret (≈49 random bits, only ever sent to
 * its holder), so rendering it needs no lookup and no token: whoever can ask for the image
 * already holds what it encodes. The image encodes the bare code, which the door scanner
 * posts as `{code}`.
 */
@ApiTags('attendance')
@Controller('check-in-codes')
export class QrController {
  @Get(':code/qr.svg')
  @ApiOperation({ summary: 'QR image (SVG) of a check-in code' })
  @ApiFileResponse('image/svg+xml', 'The QR image; private, cacheable for a day', false)
  @ApiErrors(400)
  async svg(@Param('code') raw: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const code = parseCode(raw);
    privateImage(reply, 'image/svg+xml; charset=utf-8');
    return qrCodeSvg(code);
  }

  @Get(':code/qr.png')
  @ApiOperation({ summary: 'QR image (PNG) of a check-in code' })
  @ApiFileResponse('image/png', 'The QR image, 320 px; private, cacheable for a day')
  @ApiErrors(400)
  async png(@Param('code') raw: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const code = parseCode(raw);
    privateImage(reply, 'image/png');
    // the mail's encoder, about 320 pixels wide
    return qrCodePng(code, qrScaleFor(code, 320));
  }
}

function parseCode(raw: string): string {
  const code = normalizeCheckInCode(raw) as string;
  if (!CHECK_IN_CODE_PATTERN.test(code))
    throw invalidField('code', 'must be a check-in code (6–16 letters and digits)');
  return code;
}

/** The URL carries the code: keep it out of shared caches and referrers. */
function privateImage(reply: FastifyReply, type: string): void {
  reply.header('Content-Type', type);
  reply.header('Cache-Control', 'private, max-age=86400');
  reply.header('Referrer-Policy', 'no-referrer');
}

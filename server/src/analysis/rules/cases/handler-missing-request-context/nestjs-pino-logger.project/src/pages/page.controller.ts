import { Body, Controller, Post } from '@nestjs/common';
import { toDocument } from './page.util';

@Controller('pages')
export class PageController {
  @Post('duplicate')
  duplicate(@Body() body: { content: unknown }) {
    return toDocument(body.content);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@app/identity';
import { MyActivitiesService } from './my-activities.service';
import { MyActivitiesResponse } from './registration.responses';

@ApiTags('sessions')
@Controller()
export class MyActivitiesController {
  constructor(private readonly mine: MyActivitiesService) {}

  @Get('me/activities')
  @Roles()
  @ApiOperation({
    summary: "The caller's activities by program and series, with sessions and targets (admin: all)",
  })
  @ApiOkResponse({ type: MyActivitiesResponse })
  list(@CurrentUser() user: AuthUser) {
    return this.mine.list(user);
  }
}

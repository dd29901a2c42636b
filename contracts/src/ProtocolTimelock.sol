// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @notice The pools' admin: OpenZeppelin's TimelockController, unchanged. Fees, treasury, per-asset limits, roles,
/// lowering a provision and write-downs beyond one go through it, so each is scheduled in public (CallScheduled)
/// and waits `getMinDelay()` before anyone may execute it; the guardian holds the canceller role.
contract ProtocolTimelock is TimelockController {
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}

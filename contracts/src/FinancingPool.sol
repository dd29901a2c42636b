// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "./interfaces/IERC7540.sol";
import {PoolStorage} from "./pool/PoolStorage.sol";
import {PoolShares} from "./pool/PoolShares.sol";

/// @notice One financing round for an operator of AI compute or robotics hardware: an ERC-4626 vault over USDC
/// with ERC-7540 asynchronous exits.
///
/// - Principal: `totalAssets = idle + outstanding principal - provisions`. The manager deploys idle USDC to the
///   project's own machines (never beyond a per-asset limit the admin sets through the timelock, never what
///   waiting exits are owed), records repayments, marks impairments with an expected loss (a provision that
///   every exit prices in at once), writes provisioned losses off, and books recoveries as principal.
/// - Real yield: the reporter distributes each asset's net operating revenue in USDC. A protocol fee goes to the
///   treasury; the rest is owed to shareholders pro rata through a reward-per-share accumulator, settled on every
///   mint, burn and transfer, and claimed in cash. Revenue never moves the share price. Each distribution is
///   streamed over `revenueStreamDuration` so that a deposit made just before it earns only its time-weighted
///   share; a new distribution merges into the running stream weighted by amount, so dust cannot delay release.
/// - Exit: instant `withdraw`/`redeem` up to idle liquidity when nobody is queued; beyond that an ERC-7540
///   `requestRedeem` locks the owner's shares in a FIFO queue (a linked list: cancelled and filled requests are
///   unlinked and never walked again). Anyone may fill it from idle USDC with `fillRedemptions`; the controller
///   then claims through `redeem`/`withdraw`. Cancellation is ERC-7887, synchronous.
/// - Pause (guardian) stops deposits, exits, transfers, requests and every manager and reporter action; claiming
///   revenue owed and filled redemptions stays open.
///
/// The contract is cut by domain into abstract modules under `pool/`, each built on the one before:
/// PoolStorage (types and state) → PoolAdmin → PoolCapital → PoolRevenue → PoolExitQueue → PoolShares.
contract FinancingPool is PoolShares {
    constructor(Params memory p) PoolStorage(p) {}

    function supportsInterface(bytes4 interfaceId) public view override(AccessControl) returns (bool) {
        return interfaceId == type(IERC7540Operator).interfaceId || interfaceId == type(IERC7540Redeem).interfaceId
            || interfaceId == type(IERC7887Redeem).interfaceId || interfaceId == 0x2f0a18c5 // ERC-7575
            || super.supportsInterface(interfaceId);
    }
}

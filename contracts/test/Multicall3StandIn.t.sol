// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {Multicall3StandIn} from "../src/testing/Multicall3StandIn.sol";

contract Answers {
    function answer() external pure returns (uint256) {
        return 42;
    }

    function fail() external pure {
        revert("no");
    }
}

contract Multicall3StandInTest is Test {
    Multicall3StandIn internal multicall = new Multicall3StandIn();
    Answers internal answers = new Answers();

    function _call(bytes4 selector, bool allowFailure) internal view returns (Multicall3StandIn.Call3 memory) {
        return Multicall3StandIn.Call3(address(answers), allowFailure, abi.encodeWithSelector(selector));
    }

    function test_aggregate3_returnsEachCallsResult() public {
        Multicall3StandIn.Call3[] memory calls = new Multicall3StandIn.Call3[](2);
        calls[0] = _call(Answers.answer.selector, false);
        calls[1] = _call(Answers.fail.selector, true);
        Multicall3StandIn.Result[] memory results = multicall.aggregate3(calls);
        assertTrue(results[0].success);
        assertEq(abi.decode(results[0].returnData, (uint256)), 42);
        assertFalse(results[1].success);
    }

    function test_aggregate3_revertsLikeMulticall3WhenAFailureIsNotAllowed() public {
        Multicall3StandIn.Call3[] memory calls = new Multicall3StandIn.Call3[](1);
        calls[0] = _call(Answers.fail.selector, false);
        vm.expectRevert(bytes("Multicall3: call failed"));
        multicall.aggregate3(calls);
    }
}
